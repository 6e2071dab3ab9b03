export { applyWaivers, type WaiverOutcome } from './apply.js';
