package dev.sessionledger.sessions.provider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An upstream MCP server's address: an absolute http or https URI with a host, at most 2048
 * characters, without userinfo (credentials belong in the sealed headers) or fragment. Null is
 * valid (absent); each problem has its own message.
 */
@Documented
@Constraint(validatedBy = UpstreamUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface UpstreamUrl {

    int MAX_LENGTH = 2048;

    String message() default "must be an absolute http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads the URI and names the first rule it breaks. */
    class Validator implements ConstraintValidator<UpstreamUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        static String problem(String value) {
            if (value.length() > MAX_LENGTH) {
                return "must be at most " + MAX_LENGTH + " characters";
            }
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                return "must be an absolute http or https URL";
            }
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                return "must be an absolute http or https URL";
            }
            if (uri.getRawUserInfo() != null) {
                return "must not contain user information (put credentials in upstream_headers)";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "must name a host";
            }
            if (uri.getRawFragment() != null) {
                return "must not have a fragment";
            }
            return null;
        }
    }
}
