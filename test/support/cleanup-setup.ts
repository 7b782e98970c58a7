import { afterAll, afterEach } from 'vitest';
import { cleanUpAfterFile, cleanUpAfterTest } from '../helpers/workspace.ts';

/**
 * Setup file of the integration project: the temporary folders and open workspaces the helpers made are
 * removed after each test and each file. The helper registers these hooks itself too, but only
 * once per module context, which several files share in the integration project (isolate: false).
 */
afterEach(cleanUpAfterTest);
afterAll(cleanUpAfterFile);
