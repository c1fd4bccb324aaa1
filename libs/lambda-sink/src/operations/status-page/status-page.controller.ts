import { Controller, Get, Header } from '@nestjs/common';
import { STATUS_PAGE_CSS, STATUS_PAGE_HTML } from './status-page.html';
import { STATUS_PAGE_SCRIPT } from './status-page.script';
import { StatusPageState } from './status-page-state.service';

// Only the page's own script, style and JSON: an injected inline script or a foreign resource
// would not run even if escaping failed somewhere.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The live status page at `/` (SPEC 7, issue 14): plain HTML, CSS and a small script served
 * from memory, no build step and no dependency. Its buttons call the REST API, so they need the
 * same credentials (or loopback) as any other change.
 */
@Controller()
export class StatusPageController {
  constructor(private readonly state: StatusPageState) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('Cache-Control', 'no-cache')
  page(): string {
    return STATUS_PAGE_HTML;
  }

  @Get('ui/app.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-cache')
  script(): string {
    return STATUS_PAGE_SCRIPT;
  }

  @Get('ui/style.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-cache')
  style(): string {
    return STATUS_PAGE_CSS;
  }

  /** Everything the page shows, as data. */
  @Get('ui/state')
  @Header('Cache-Control', 'no-store')
  snapshot() {
    return this.state.snapshot();
  }
}
