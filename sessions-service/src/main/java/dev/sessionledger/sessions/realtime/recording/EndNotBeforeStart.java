package dev.sessionledger.sessions.realtime.recording;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A transcript segment's {@code end_ms} is not before its {@code start_ms}; checked once the start is valid. */
@Documented
@Constraint(validatedBy = EndNotBeforeStart.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EndNotBeforeStart {

    String message() default "must not be before start_ms";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names {@code end_ms} as the field at fault. */
    class Validator implements ConstraintValidator<EndNotBeforeStart, RecordingRequests.Segment> {
        @Override
        public boolean isValid(RecordingRequests.Segment segment, ConstraintValidatorContext context) {
            if (segment == null || segment.startMs() == null || segment.startMs() < 0 || segment.endMs() == null
                    || segment.endMs() >= segment.startMs()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endMs").addConstraintViolation();
            return false;
        }
    }
}
