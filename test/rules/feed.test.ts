import { describeFamily } from './run-examples.js';

describeFamily('feed');
