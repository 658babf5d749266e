package io.innercircle.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web app and GraphiQL are static files (src/main/resources/static); these mappings only give them clean
 * addresses, since the static resource handler does not serve a folder's index.html.
 */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/app/");
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/app/").setViewName("forward:/app/index.html");
        registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
        // The sign-in page (form login posts to /login; Spring Security handles that POST).
        registry.addViewController("/login").setViewName("forward:/login.html");
        registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
    }
}
