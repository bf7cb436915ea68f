package org.roundtable.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads every request body in full before the application is given a thread for it. Jetty calls back as the
 * bytes arrive, so a client that sends its body slowly holds a socket and the few bytes it sent, never a
 * thread; the application then reads a body that is already in memory. Bodies are copied out of Jetty's
 * network buffers as they come, so a body sent a byte at a time costs its bytes, not a buffer per byte.
 *
 * <p>A body is refused, without a thread waiting on it, when it is not a form (no route takes anything else),
 * when it is larger than a form can be, when it takes longer than {@code deadline} to arrive, or when the
 * bodies being received together would take more memory than {@code budgetBytes}. The refusal is handed to
 * the application as {@link #REFUSAL}, so the reader gets the usual error page and the request is logged.
 */
public final class EagerBodies implements EagerContentHandler.ContentLoaderFactory {

    /**
     * A body a little too large is read to its end and dropped before the answer, since a browser still sending
     * would see the connection reset instead of the page saying why; past this many times the limit, the answer
     * comes at once and the connection closes.
     */
    private static final long DRAIN_FACTOR = 4;

    /** Request attribute: the status a body was refused with, for {@link #refuse} to answer. */
    static final String REFUSAL = "org.roundtable.body.refusal";

    private final int maxBytes;
    private final Duration deadline;
    private final AtomicLong budgetLeft;

    private EagerBodies(int maxBytes, Duration deadline, long budgetBytes) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.budgetLeft = new AtomicLong(budgetBytes);
    }

    /** The Jetty handler that reads bodies first; the application's handler goes inside it. */
    public static Handler.Wrapper handler(int maxBytes, Duration deadline, long budgetBytes) {
        return new EagerContentHandler(new EagerBodies(maxBytes, deadline, budgetBytes));
    }

    /** A before-handler: answers a request whose body was refused at the door. */
    public static void refuse(Context ctx) {
        if (ctx.attribute(REFUSAL) instanceof Refusal refusal) {
            throw new ReaderFacingError(HttpStatus.forStatus(refusal.status), refusal.message);
        }
    }

    /** Applies to every content type: anything but a form is refused. */
    @Override
    public String getApplicableMimeType() {
        return null;
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, Handler handler,
                                                              Request request, Response response, Callback callback) {
        if (!isForm(contentType)) {
            return new Refused(handler, request, response, callback, Refusal.NOT_A_FORM);
        }
        long declared = request.getLength();
        if (declared > maxBytes * DRAIN_FACTOR) {
            return new Refused(handler, request, response, callback, Refusal.TOO_LARGE);
        }
        return new Loader(handler, request, response, callback, declared > maxBytes);
    }

    /** "application/x-www-form-urlencoded", with or without parameters ("; charset=UTF-8", as fetch sends). */
    static boolean isForm(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        return MimeTypes.Type.FORM_ENCODED.asString().equalsIgnoreCase(type);
    }

    /** Why a body was not read, with the status and the words the reader sees. */
    enum Refusal {
        NOT_A_FORM(415, "Only forms can be sent here."),
        TOO_LARGE(413, "That was too much to send at once. Please shorten it and try again."),
        TOO_SLOW(408, "The form took too long to arrive. Please try again."),
        BUSY(503, "Roundtable is receiving too much at once. Please try again in a minute.");

        final int status;
        final String message;

        Refusal(int status, String message) {
            this.status = status;
            this.message = message;
        }
    }

    /** Hands the request on at once, marked refused and without its body. */
    private static final class Refused extends EagerContentHandler.ContentLoader {
        private final Refusal refusal;

        Refused(Handler handler, Request request, Response response, Callback callback, Refusal refusal) {
            super(handler, request, response, callback);
            this.refusal = refusal;
        }

        @Override
        protected void load() {
            getRequest().setAttribute(REFUSAL, refusal);
            // Whatever was not read makes Jetty close the connection after the answer.
            WithBody empty = new WithBody(getRequest(), getCallback(), new byte[0], 0, () -> {});
            handle(empty, getResponse(), empty);
        }
    }

    /** Copies the body as it arrives, then hands the request on with the whole body in memory. */
    private final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {
        private final long startedNanos = System.nanoTime();
        private byte[] bytes = new byte[0];
        private int size;
        /** Found too large: the rest is read and dropped, then the refusal answered. */
        private boolean dropping;
        private long dropped;

        Loader(Handler handler, Request request, Response response, Callback callback, boolean tooLarge) {
            super(handler, request, response, callback);
            this.dropping = tooLarge;
        }

        @Override
        protected void load() {
            read(false);
        }

        /** Called by Jetty when more of the body has arrived. */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean fromCallback) {
            while (true) {
                Content.Chunk chunk = getRequest().read();
                if (chunk == null) {
                    getRequest().demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    release();
                    getCallback().failed(chunk.getFailure());
                    return;
                }
                Refusal found = dropping ? drop(chunk) : take(chunk);
                boolean last = chunk.isLast();
                chunk.release();
                if (found == Refusal.TOO_LARGE && !dropping && !last) {
                    dropping = true;
                    release();
                    continue;
                }
                Refusal refusal = dropping && last ? Refusal.TOO_LARGE : found;
                if (refusal != null || last) {
                    // The application may block (database, templates): never on the thread that delivered bytes.
                    Runnable next = refusal == null ? this::handOn : () -> handOnRefused(refusal);
                    if (fromCallback) {
                        getRequest().getContext().execute(next);
                    } else {
                        next.run();
                    }
                    return;
                }
            }
        }

        /** Copies a chunk's bytes, or says why the body must be refused. */
        private Refusal take(Content.Chunk chunk) {
            int count = chunk.remaining();
            if ((long) size + count > maxBytes) {
                return Refusal.TOO_LARGE;
            }
            if (System.nanoTime() - startedNanos > deadline.toNanos()) {
                return Refusal.TOO_SLOW;
            }
            if (count == 0) {
                return null;
            }
            if (budgetLeft.addAndGet(-count) < 0) {
                budgetLeft.addAndGet(count);
                return Refusal.BUSY;
            }
            if (size + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(size + count, bytes.length * 2)));
            }
            chunk.getByteBuffer().get(bytes, size, count);
            size += count;
            return null;
        }

        /** Drops a chunk of a body that is too large; past the limit of that, or of time, refuses at once. */
        private Refusal drop(Content.Chunk chunk) {
            dropped += chunk.remaining();
            boolean enough = dropped > maxBytes * DRAIN_FACTOR || System.nanoTime() - startedNanos > deadline.toNanos();
            return enough ? Refusal.TOO_LARGE : null;
        }

        private void handOn() {
            WithBody request = new WithBody(getRequest(), getCallback(), bytes, size, this::release);
            handle(request, getResponse(), request);
        }

        private void handOnRefused(Refusal refusal) {
            release();
            new Refused(getHandler(), getRequest(), getResponse(), getCallback(), refusal).load();
        }

        private void release() {
            budgetLeft.addAndGet(size);
            size = 0;
            bytes = null;
        }
    }

    /** The request as the application sees it: its body, already read, then the end. */
    private static final class WithBody extends Request.Wrapper implements Callback {
        private final Callback callback;
        private final Runnable onComplete;
        private Content.Chunk body;

        WithBody(Request request, Callback callback, byte[] bytes, int size, Runnable onComplete) {
            super(request);
            this.callback = callback;
            this.onComplete = onComplete;
            this.body = Content.Chunk.from(ByteBuffer.wrap(bytes, 0, size), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk next = body;
            body = Content.Chunk.EOF;
            return next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }

        @Override
        public void succeeded() {
            onComplete.run();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            onComplete.run();
            callback.failed(failure);
        }
    }
}
