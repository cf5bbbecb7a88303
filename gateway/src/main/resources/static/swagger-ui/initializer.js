// Swagger UI on minyi's whole API: the gateway's merged document, asked with the browser's session
// (a signed-in person; "Try it out" sends requests through the gateway as them).
window.ui = SwaggerUIBundle({
  url: '/v3/api-docs',
  dom_id: '#swagger-ui',
  deepLinking: true,
  docExpansion: 'none',
  tagsSorter: 'alpha',
  presets: [SwaggerUIBundle.presets.apis],
  requestInterceptor: request => {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/)
    if (m) request.headers['X-XSRF-TOKEN'] = decodeURIComponent(m[1])
    return request
  },
})
