// Swagger UI over /openapi.json; "Try it out" uses the browser's session cookie (sign in on /login.html first).
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', deepLinking: true });
