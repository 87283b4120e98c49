package dev.authpack.desk;

import dev.authpack.web.PageController;
import dev.authpack.security.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the landing page each role starts from. */
@Controller
@PageController
class HomeController {

    static final String LOGIN_VIEW = "login";

    @GetMapping("/login")
    String login() {
        return LOGIN_VIEW;
    }

    /** The billing desk starts from what needs attention today (the worklist), administrators from their pages. */
    @GetMapping("/")
    String home() {
        return "redirect:" + Actors.current().role().startPage();
    }
}
