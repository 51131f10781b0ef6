package dev.sessionledger.commons.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.sessionledger.commons.params.Timestamps;

/** A text field holding a timestamp as {@link Timestamps} reads it; null is valid (absent). */
@Documented
@Constraint(validatedBy = Timestamp.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Timestamp {

    String message() default Timestamps.EXPECTED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks with the one timestamp reader. */
    class Validator implements ConstraintValidator<Timestamp, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Timestamps.parse(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
