package dev.sessionledger.messages.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.commons.metorial.MetorialErrorRenderer;
import dev.sessionledger.messages.sessions.SessionDirectory;

/**
 * messages-service answers every failure in Metorial's error envelope; a 503 also says when to
 * retry, since it only ever means sessions-service could not be asked.
 */
@ApplicationScoped
public class MessagesErrorRenderer extends MetorialErrorRenderer {

    @Override
    public Response render(ApiException error, String path) {
        Response response = super.render(error, path);
        if (error.status() != 503) {
            return response;
        }
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, SessionDirectory.RETRY_AFTER_SECONDS)
                .build();
    }
}
