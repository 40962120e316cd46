export function TrainingScreen() {
  return <p>Coming soon</p>;
}
