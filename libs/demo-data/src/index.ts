export * from './demo-dataset';
