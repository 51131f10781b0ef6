package dev.sessionledger.threads.participants;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A participant update changes something: it gives at least one of its fields, and {@code lastReadMessageId} is named otherwise. */
@Documented
@Constraint(validatedBy = SomeChange.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SomeChange {

    String message() default "give at least one of lastReadMessageId, lastReadAt or displayName";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Refuses a body with none of the three fields. */
    class Validator implements ConstraintValidator<SomeChange, UpdateParticipantRequest> {

        @Override
        public boolean isValid(UpdateParticipantRequest body, ConstraintValidatorContext context) {
            if (body.lastReadMessageId() != null || body.lastReadAt() != null || body.displayName() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("lastReadMessageId").addConstraintViolation();
            return false;
        }
    }
}
