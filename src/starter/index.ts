// The starter dataset's public face.
export { loadStarterDataset, starterDataset, STARTER_PREFIX, type StarterDataset } from './starter-dataset.js';
