/** The start page; the screens (Ringkasan, Impor, Kepatuhan, ...) arrive with the UI work. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '48px auto', lineHeight: 1.5 }}>
      <h1>Pantau</h1>
      <p>Pemantauan dan evaluasi fleksibilitas kerja ASN menurut PermenPANRB 4/2025.</p>
      <p>
        Impor data dengan perintah <code>npm run --silent pantau -- import</code>; layar aplikasi sedang dibangun.
      </p>
    </main>
  );
}
