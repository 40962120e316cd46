export function OnboardingScreen(props: { onDone: () => void }) {
  return (
    <button type="button" onClick={props.onDone}>
      Start
    </button>
  );
}
