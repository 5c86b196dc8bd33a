import { NotFoundPage } from "../_components/not-found-page";

/** A signed-in page whose article, claim or user does not exist: shown with the workbench around it. */
export default function NotFound() {
  return <NotFoundPage />;
}
