package io.meridian.interfaces.common.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie's {@code SameSite=Lax}: another site's page cannot post a form with it (the
 * CSRF token is the first line of defence, this the second). Set here because Payara 6 ignores
 * web.xml's {@code <cookie-config><attribute>} ("Unsupported deployment descriptors element").
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
  }
}
