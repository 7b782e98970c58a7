import { inProcessTransport } from '../src-main/contract/wire.ts';
import { describeContract } from './contract-suite.ts';

// The same suite runs over HTTP in test/e2e/contract-http.test.ts.
describeContract('in-process', async (dispatcher) => inProcessTransport(dispatcher));
