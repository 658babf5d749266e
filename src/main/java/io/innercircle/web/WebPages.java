package io.innercircle.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import java.time.Duration;

/**
 * The web app and GraphiQL are static files (src/main/resources/static); these mappings give them clean addresses,
 * since the static resource handler does not serve a folder's index.html, and serve this build's files (see
 * {@link StaticAssets}) to be kept by the browser.
 */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

    /** Kept by the browser only (the files are served to signed-in users), never asked for again. */
    private static final CacheControl KEEP = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final StaticAssets assets;

    WebPages(StaticAssets assets) {
        this.assets = assets;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/app/");
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
        // The sign-in page (form login posts to /login; Spring Security handles that POST).
        registry.addViewController("/login").setViewName("forward:/login.html");
        registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assets.appPrefix() + "**")
                .addResourceLocations(StaticAssets.APP_FILES)
                .setCacheControl(KEEP);
        // Version-agnostic WebJar addresses (/webjars/v-…/cytoscape/dist/…), as the unversioned /webjars/ has.
        registry.addResourceHandler(assets.webjarPrefix() + "**")
                .addResourceLocations(StaticAssets.WEBJAR_FILES)
                .setCacheControl(KEEP)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
