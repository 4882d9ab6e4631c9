/** Nest injection token for the ReadModelReader (libs/read-models) the API reads views through. */
export const READ_MODEL_READER = Symbol('ReadModelReader');
