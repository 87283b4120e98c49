package dev.authpack.casefile;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code endDate} is on or after {@code startDate}; reported on {@code endDate}, where the user fixes it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EndNotBeforeStart.Check.class)
@interface EndNotBeforeStart {

    String message() default "must be on or after the start date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EndNotBeforeStart, Dated> {

        @Override
        public boolean isValid(Dated d, ConstraintValidatorContext context) {
            if (d == null || d.startDate() == null || d.endDate() == null || !d.endDate().isBefore(d.startDate())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endDate").addConstraintViolation();
            return false;
        }
    }
}
