// React's reply encoder, as Next.js bundles it: the end-to-end suites encode server action
// arguments with it exactly as the browser does.
declare module "next/dist/compiled/react-server-dom-webpack/client.edge" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
}
