import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiProvider.tsx';
import { DataVersionProvider } from './api/DataVersion.tsx';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { RouterProvider } from './router.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ApiProvider>
        <DataVersionProvider>
          <RouterProvider>
            <App />
          </RouterProvider>
        </DataVersionProvider>
      </ApiProvider>
    </I18nProvider>
  </StrictMode>,
);
