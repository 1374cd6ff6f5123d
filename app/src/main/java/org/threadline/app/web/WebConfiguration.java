package org.threadline.app.web;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.threadline.app.web.purpose.PurposeCatalogue;
import org.threadline.app.web.security.PurposeGate;

/**
 * MVC wiring: GOV.UK Frontend's assets, the purpose gate, the session backstop and the purpose list. The clock is
 * given by {@link ThreadlineWeb#start}.
 */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {
    /** Where GOV.UK Frontend's CSS expects its images ({@code /assets/...}). */
    static final String GOVUK_ASSETS = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/";

    private final PurposeGate purposeGate;

    public WebConfiguration(PurposeGate purposeGate) {
        this.purposeGate = purposeGate;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Images only: the GDS Transport font is licensed for GOV.UK services alone, so assets/fonts is never
        // served and the CSS falls back to Arial.
        registry.addResourceHandler("/assets/images/**").addResourceLocations(GOVUK_ASSETS + "images/");
        registry.addResourceHandler("/assets/rebrand/images/**")
                .addResourceLocations(GOVUK_ASSETS + "rebrand/images/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // The API declares a purpose on every call, in headers, checked by its own argument resolver.
        registry.addInterceptor(purposeGate).excludePathPatterns("/api/**");
    }

    /**
     * The container's own session timeout, a minute longer than the idle timeout: a backstop that frees memory,
     * while {@link org.threadline.app.web.security.IdleTimeout} decides (with the injected clock) and says so.
     */
    @Bean
    HttpSessionListener sessionTimeout(WebSettings settings) {
        int seconds = (int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().plusMinutes(1).toSeconds());
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval(seconds);
            }
        };
    }

    @Bean
    PurposeCatalogue purposeCatalogue() {
        return PurposeCatalogue.load();
    }
}
