package dev.sessionledger.threads.participants;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A new participant names exactly one of a user, an agent, a swarm or an external identity; each of the four is at fault otherwise. */
@Documented
@Constraint(validatedBy = OneIdentity.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OneIdentity {

    String message() default "exactly one of userId, agentId, swarmId or externalIdentity must be given";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts the identities given and, unless it is one, names every identity field. */
    class Validator implements ConstraintValidator<OneIdentity, AddParticipantRequest> {

        private static final List<String> FIELDS = List.of("userId", "agentId", "swarmId", "externalIdentity");

        @Override
        public boolean isValid(AddParticipantRequest body, ConstraintValidatorContext context) {
            long given = Stream.of(body.userId(), body.agentId(), body.swarmId(), body.externalIdentity())
                    .filter(Objects::nonNull).count();
            if (given == 1) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String message = context.getDefaultConstraintMessageTemplate() + ", not " + given;
            for (String field : FIELDS) {
                context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            }
            return false;
        }
    }
}
