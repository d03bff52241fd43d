import { ActionForm } from "@/components/ActionForm";
import { Card } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import type { listComments, ThreadType } from "@/lib/discussion";
import { formatDateTime } from "@/lib/time";
import { Reveal } from "./Reveal";
import { deleteCommentAction, editCommentAction, postCommentAction } from "./actions";

type Comment = Awaited<ReturnType<typeof listComments>>[number];

const HINT = "Markdown: **bold**, *emphasis*, lists, [links](https://…). Mention someone with @firstname.lastname.";

function One({ c, zone, level }: { c: Omit<Comment, "replies">; zone: string; level: number }) {
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
          className="prose-comment mt-1 text-sm [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5"
          dangerouslySetInnerHTML={{ __html: c.html ?? "" }}
        />
      )}
      {!c.deleted && (c.mine || c.canDelete) ? (
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {c.mine ? (
            <Reveal label="Edit" hiddenLabel="your comment">
              <ActionForm action={editCommentAction.bind(null, c.id)} submitLabel="Save the edit" labels={{ body: "Your comment" }}>
                <label className="block text-sm font-medium">
                  Your comment
                  <textarea name="body" rows={3} defaultValue={c.body ?? ""} className={inputClass} autoFocus />
                </label>
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
  return (
    <Card title={`Discussion (${comments.reduce((n, c) => n + 1 + c.replies.length, 0)})`}>
      <div className="space-y-5">
        {comments.map((c) => (
          <div key={c.id}>
            <One c={c} zone={zone} level={0} />
            {c.replies.map((r) => (
              <One key={r.id} c={r} zone={zone} level={1} />
            ))}
            <div className="mt-2 pl-4 text-sm">
              {/* Named after whom it answers: a list of identical "Reply" controls says nothing to a screen reader. */}
              <Reveal label="Reply" hiddenLabel={`to ${c.author}`}>
                <ActionForm action={post} submitLabel="Post the reply" labels={{ body: "Your reply" }}>
                  <input type="hidden" name="parentId" value={c.id} />
                  <label className="block text-sm font-medium">
                    Your reply<span className="sr-only"> to {c.author}</span>
                    <textarea name="body" rows={2} className={inputClass} autoFocus />
                  </label>
                </ActionForm>
              </Reveal>
            </div>
          </div>
        ))}
        <ActionForm action={post} submitLabel="Post" className="border-t border-slate-200 pt-4" labels={{ body: "Your comment" }}>
          <label className="block text-sm font-medium">
            Add to the discussion
            <textarea name="body" rows={3} className={inputClass} aria-describedby={`${type}-comment-hint`} />
          </label>
          <p id={`${type}-comment-hint`} className="mt-1 text-sm text-slate-600">
            {HINT}
          </p>
        </ActionForm>
      </div>
    </Card>
  );
}
