/**
 * First run: what kneewise does, that the data stays here, and the two ways in side by side: a knee that
 * hurts now goes straight to the knee check (no runs needed), and the runs come in from an export, single
 * files, or the demo runner. Also reachable at #/welcome to import more.
 */
import { useState } from 'preact/hooks';
import { Screen } from '../components/screen.tsx';
import { UploadPanel } from '../components/upload-panel.tsx';
import { DemoStart } from './demo-start.tsx';
import { ExportHelp } from './export-help.tsx';
import './onboarding.css';

export function OnboardingScreen(props: { onDone: () => void }) {
  // Once runs are in, the demo offer and the export help are only in the way.
  const [imported, setImported] = useState(false);
  return (
    <Screen title="Welcome to kneewise">
      <div class="welcome-lead">
        <p>
          kneewise reads your running history to show which runs asked too much of your knees, what changed
          before a knee started to hurt, and how far to run next.{' '}
          <strong>Everything stays on this computer:</strong> your files are read here and nothing is sent
          anywhere.
        </p>
      </div>
      <div class="welcome-ways">
        <section class="card welcome-knee" aria-labelledby="welcome-knee-title">
          <h2 id="welcome-knee-title">Does your knee hurt now?</h2>
          <p>
            Answer a few questions, warning signs first: it says how urgently to get it seen and what it could
            be. No runs needed.
          </p>
          <a class="button" href="#/knee-check">
            My knee hurts now — check it
          </a>
        </section>
        <section class="welcome-import" aria-labelledby="import-title">
          <h2 id="import-title">Bring in your runs</h2>
          <UploadPanel
            headingLevel={3}
            onImported={(report) => setImported(report.imported + report.duplicates > 0)}
            actions={(again) => (
              <>
                <button type="button" onClick={props.onDone}>
                  Go to Today
                </button>
                <button type="button" class="secondary" onClick={again}>
                  Import more files
                </button>
              </>
            )}
          />
        </section>
      </div>
      {!imported && <ExportHelp />}
      {!imported && <DemoStart onDone={props.onDone} />}
    </Screen>
  );
}
