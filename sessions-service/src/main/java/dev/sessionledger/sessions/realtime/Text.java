package dev.sessionledger.sessions.realtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text field of the RealtimeKit write API: blank counts as absent ({@link BodyValues#text}), so
 * a required one must hold more than blanks, and a given one holds at most {@code max} characters.
 * One problem per field: "is required" or "must be at most N characters".
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    int max();

    boolean required() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks presence and length, and says which failed. */
    class Validator implements ConstraintValidator<Text, String> {

        private int max;
        private boolean required;

        @Override
        public void initialize(Text annotation) {
            max = annotation.max();
            required = annotation.required();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem;
            if (BodyValues.text(value) == null) {
                problem = required ? "is required" : null;
            } else {
                problem = value.length() > max ? "must be at most " + max + " characters" : null;
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
