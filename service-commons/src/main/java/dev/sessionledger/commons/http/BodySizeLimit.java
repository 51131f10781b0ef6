package dev.sessionledger.commons.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.sessionledger.commons.errors.Failure;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Counts the bytes of a request body as it is read and refuses it, with a 413 in the API's
 * envelope, once it passes {@code sessionledger.http.max-body-size}. A declared length is checked
 * before anything is read ({@link RequestLimitsRoute}); this catches a body sent without one. The
 * platform's own limit sits above, so it is never the one that answers.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    @ConfigProperty(name = "sessionledger.http.max-body-size", defaultValue = "10M")
    MemorySize limit;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream(), limit.asLongValue()));
        return context.proceed();
    }

    static Failure tooLarge(long limit) {
        return Failure.of(Failure.Kind.BODY_TOO_LARGE, "The request body is larger than the " + limit
                + " bytes this service accepts");
    }

    /** The body, cut with a 413 at the limit. */
    private static final class Counted extends FilterInputStream {

        private final long limit;
        private long read;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
