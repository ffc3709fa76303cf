// A React 19 page using every element through rd-widgets/react (test/e2e/types.test.mjs).
import 'rd-widgets/react';
import { useState, type ReactElement } from 'react';

export function App(): ReactElement {
  const [receipt, setReceipt] = useState('');
  return (
    <rd-provider endpoint="/api" timeout={8000} drafts="off" headers={{ 'X-Site': 'demo' }}>
      <rd-legislation-feedback draft-id="2026-yq-01" proxy deep-link="off" onrd-submitted={(e) => setReceipt(e.detail.receipt)} onrd-submit={(e) => { e.detail.headers['X-Captcha'] = 't'; }} />
      <rd-deputy-card deputy-id="dep-001" view="full" directory={false} onrd-deputy-open={(e) => setReceipt(e.detail.id)} onrd-queued={(e) => setReceipt(e.detail.idempotencyKey)} />
      <rd-satisfaction-survey survey-id="2027-mssx-zj" results pass-tiers="满意,基本满意" onrd-submit-error={(e) => setReceipt(e.detail.kind)} />
      <rd-station-map tiles="none" map-open={false} station-id="st-01" onrd-station-select={(e) => setReceipt(e.detail.stationId)} onrd-deputy-select={(e) => e.preventDefault()} geocode={async () => null} />
      <rd-appointment-form station-id="st-01" heading-level={3} channel="web" sessions={[]} onrd-draft-restored={(e) => setReceipt(e.detail.savedAt)} />
      <p>{receipt}</p>
    </rd-provider>
  );
}
