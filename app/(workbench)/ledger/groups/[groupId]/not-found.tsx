import { NotFoundPage } from "../../../../_components/not-found-page";

/** A group that is gone and was not merged into another (a merged one redirects to it). */
export default function GroupNotFound() {
  return <NotFoundPage kind="group" />;
}
