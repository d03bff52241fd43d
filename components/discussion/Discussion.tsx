import { ActionForm } from "@/components/ActionForm";
import { Card } from "@/components/ui";
import type { listComments, ThreadType } from "@/lib/discussion";
import { formatDateTime } from "@/lib/time";
import { MentionTextarea } from "./MentionTextarea";
import { Reveal } from "./Reveal";
import { deleteCommentAction, editCommentAction, postCommentAction } from "./actions";

type Comment = Awaited<ReturnType<typeof listComments>>[number];

const HINT =
  "Markdown: **bold**, *emphasis*, lists, [links](https://…). Mention someone: type @ and their name, then pick them from the list.";

type Thread = { type: ThreadType; id: string };

function One({ c, zone, level, thread }: { c: Omit<Comment, "replies">; zone: string; level: number; thread: Thread }) {
  return (
    <article id={`comment-${c.id}`} aria-label={`Comment by ${c.author}`} className={level ? "mt-3 border-l-2 border-slate-200 pl-4" : ""}>
      <p className="text-sm text-slate-600">
        <strong className="text-slate-900">{c.author}</strong> · {formatDateTime(c.createdAt, zone)}
        {c.edited ? " · edited" : ""}
      </p>
      {c.deleted ? (
        <p className="text-sm text-slate-500 italic">This comment was deleted.</p>
      ) : (
        // Rendered through an allowlist (lib/discussion/render.ts): links, lists, emphasis only.
        <div
          className="prose-comment mt-1 text-sm [&_.mention]:rounded [&_.mention]:bg-brand-50 [&_.mention]:px-0.5 [&_.mention]:font-semibold [&_.mention]:text-brand-800 [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5"
          dangerouslySetInnerHTML={{ __html: c.html ?? "" }}
        />
      )}
      {!c.deleted && (c.mine || c.canDelete) ? (
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {c.mine ? (
            <Reveal label="Edit" hiddenLabel="your comment">
              <ActionForm action={editCommentAction.bind(null, c.id)} submitLabel="Save the edit" labels={{ body: "Your comment" }}>
                <MentionTextarea thread={thread} label="Your comment" name="body" rows={3} defaultValue={c.body ?? ""} autoFocus />
              </ActionForm>
            </Reveal>
          ) : null}
          {c.canDelete ? (
            <ActionForm action={deleteCommentAction.bind(null, c.id)} submitLabel="Delete" tone="quiet">
              <span className="sr-only">Delete the comment by {c.author}</span>
            </ActionForm>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

export function Discussion({ type, threadId, comments, zone }: { type: ThreadType; threadId: string; comments: Comment[]; zone: string }) {
  const post = postCommentAction.bind(null, type, threadId);
  const thread = { type, id: threadId };
  return (
    <Card title={`Discussion (${comments.reduce((n, c) => n + 1 + c.replies.length, 0)})`}>
      <div className="space-y-5">
        {comments.map((c) => (
          <div key={c.id}>
            <One c={c} zone={zone} level={0} thread={thread} />
            {c.replies.map((r) => (
              <One key={r.id} c={r} zone={zone} level={1} thread={thread} />
            ))}
            <div className="mt-2 pl-4 text-sm">
              {/* Named after whom it answers: a list of identical "Reply" controls says nothing to a screen reader. */}
              <Reveal label="Reply" hiddenLabel={`to ${c.author}`}>
                <ActionForm action={post} submitLabel="Post the reply" labels={{ body: "Your reply" }}>
                  <input type="hidden" name="parentId" value={c.id} />
                  <MentionTextarea
                    thread={thread}
                    label={
                      <>
                        Your reply<span className="sr-only"> to {c.author}</span>
                      </>
                    }
                    name="body"
                    rows={2}
                    autoFocus
                  />
                </ActionForm>
              </Reveal>
            </div>
          </div>
        ))}
        <ActionForm action={post} submitLabel="Post" className="border-t border-slate-200 pt-4" labels={{ body: "Your comment" }}>
          <MentionTextarea thread={thread} label="Add to the discussion" name="body" rows={3} describedBy={`${type}-comment-hint`} />
          <p id={`${type}-comment-hint`} className="mt-1 text-sm text-slate-600">
            {HINT}
          </p>
        </ActionForm>
      </div>
    </Card>
  );
}
