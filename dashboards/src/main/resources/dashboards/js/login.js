// Sign in, then return to the page that sent us here (same-origin paths only).
const form = document.getElementById('login');
const error = document.getElementById('error');

function nextPage() {
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

// The overview is the leaders' page: a clerk sent to it by default lands on their own page, the upload page,
// instead of a page whose every request the server refuses.
function landingPage(me) {
  const next = nextPage();
  return next === '/' && me?.role === 'CLERK' ? '/upload.html' : next;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const body = JSON.stringify({
    username: form.username.value.trim(),
    password: form.password.value,
  });
  let response;
  try {
    response = await fetch('/api/v1/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
    });
  } catch (cause) {
    error.textContent = `无法连接服务器 / cannot reach the server: ${cause}`;
    error.hidden = false;
    return;
  }
  if (response.ok) {
    const me = await response.json().catch(() => null);
    location.assign(landingPage(me));
    return;
  }
  const problem = await response.json().catch(() => null);
  error.textContent = problem?.message ?? `登录失败 / sign-in failed (${response.status})`;
  error.hidden = false;
});
