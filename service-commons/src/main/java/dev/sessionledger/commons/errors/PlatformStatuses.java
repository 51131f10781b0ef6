package dev.sessionledger.commons.errors;

/** The kind of failure behind a status the platform answered with on its own (an unknown path, a wrong method). */
final class PlatformStatuses {

    private PlatformStatuses() {
    }

    static Failure.Kind kindOf(int status) {
        return switch (status) {
            case 400 -> Failure.Kind.MALFORMED;
            case 401 -> Failure.Kind.UNAUTHENTICATED;
            case 403 -> Failure.Kind.FORBIDDEN;
            case 404 -> Failure.Kind.NOT_FOUND;
            case 405 -> Failure.Kind.METHOD_NOT_ALLOWED;
            case 406 -> Failure.Kind.NOT_ACCEPTABLE;
            case 409 -> Failure.Kind.CONFLICT;
            case 410 -> Failure.Kind.GONE;
            case 413 -> Failure.Kind.BODY_TOO_LARGE;
            case 414 -> Failure.Kind.LINE_TOO_LONG;
            case 415 -> Failure.Kind.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> Failure.Kind.HEADERS_TOO_LARGE;
            case 503 -> Failure.Kind.UNAVAILABLE;
            default -> status >= 500 ? Failure.Kind.INTERNAL : Failure.Kind.MALFORMED;
        };
    }
}
