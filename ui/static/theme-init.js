// Sets <html data-theme> from the saved choice, or from the system preference, before the app starts,
// so the first paint already has the right colours. The app keeps the attribute up to date afterwards.
(function () {
	var theme = 'light';
	try {
		var saved = window.localStorage.getItem('outpost.theme');
		if (saved === 'light' || saved === 'dark') {
			theme = saved;
		} else if (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) {
			theme = 'dark';
		}
	} catch (e) {
		theme = 'light';
	}
	document.documentElement.setAttribute('data-theme', theme);
})();
