import { installWorkerLogging } from '@ppm/workflows';

installWorkerLogging('WARN');
