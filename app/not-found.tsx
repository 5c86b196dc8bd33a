import { NotFoundPage } from "./_components/not-found-page";

/** An address that matches no page, signed in or not. */
export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="page">
      <NotFoundPage />
    </main>
  );
}
