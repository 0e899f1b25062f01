import { OnlineStatus } from './OnlineStatus.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

// The first screen: a frame for the real screens that come later.
export function App() {
  return (
    <>
      <header class="top-bar">
        <h1>Offline Shop</h1>
        <OnlineStatus />
      </header>
      <UpdatePrompt />
      <main>
        <h2>Catalog</h2>
        <p>The shop is loading…</p>
      </main>
    </>
  );
}
