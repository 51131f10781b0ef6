package dev.sessionledger.sessions.provider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Headers to send upstream: at most 32, each name an RFC 7230 token of at most 256 characters that
 * the gateway does not own (hop-by-hop, framing and MCP transport headers are refused, whatever
 * their case), each value a string of at most 8192 characters without CR, LF or NUL. A header at
 * fault is named {@code upstream_headers.<name>}; no message repeats a value. Null is valid (absent).
 */
@Documented
@Constraint(validatedBy = UpstreamHeaders.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface UpstreamHeaders {

    int MAX_HEADERS = 32;
    int MAX_NAME_LENGTH = 256;
    int MAX_VALUE_LENGTH = 8192;

    /** Names the gateway sets itself or that describe one hop only, in lower case; {@code proxy-*} too. */
    Set<String> RESERVED = Set.of("host", "content-length", "transfer-encoding", "connection", "keep-alive",
            "upgrade", "te", "trailer", "mcp-session-id", "mcp-protocol-version");

    String message() default "must be an object of header names to string values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the count, then every header, naming each one at fault. */
    class Validator implements ConstraintValidator<UpstreamHeaders, Map<String, Object>> {

        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

        @Override
        public boolean isValid(Map<String, Object> headers, ConstraintValidatorContext context) {
            if (headers == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (headers.size() > MAX_HEADERS) {
                context.buildConstraintViolationWithTemplate("must hold at most " + MAX_HEADERS + " headers")
                        .addConstraintViolation();
                return false;
            }
            boolean valid = true;
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                String problem = problem(header.getKey(), header.getValue());
                if (problem != null) {
                    context.buildConstraintViolationWithTemplate(problem).addPropertyNode(header.getKey())
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }

        static String problem(String name, Object value) {
            if (name.length() > MAX_NAME_LENGTH) {
                return "names a header longer than " + MAX_NAME_LENGTH + " characters";
            }
            if (!TOKEN.matcher(name).matches()) {
                return "is not a valid header name (an RFC 7230 token)";
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || lower.startsWith("proxy-")) {
                return "is a header the gateway sets or that applies to one hop only, and cannot be configured";
            }
            if (!(value instanceof String text)) {
                return "must be a string";
            }
            if (text.length() > MAX_VALUE_LENGTH) {
                return "must be at most " + MAX_VALUE_LENGTH + " characters";
            }
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
                return "must not contain CR, LF or NUL";
            }
            return null;
        }
    }
}
