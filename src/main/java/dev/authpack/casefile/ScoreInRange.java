package dev.authpack.casefile;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A score lies within its instrument's range (PHQ-9 0–27, MADRS 0–60, ...); reported on {@code score}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ScoreInRange.Check.class)
@interface ScoreInRange {

    String message() default "is outside the instrument's range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ScoreInRange, Assessment> {

        @Override
        public boolean isValid(Assessment a, ConstraintValidatorContext context) {
            if (a == null || a.instrument() == null || a.score() == null) {
                return true;
            }
            int max = a.instrument().maxScore();
            if (a.score() >= 0 && a.score() <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be between 0 and " + max + " for " + a.instrument())
                    .addPropertyNode("score").addConstraintViolation();
            return false;
        }
    }
}
