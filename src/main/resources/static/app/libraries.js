// Libraries only some pages need, loaded the first time one of them is shown: ECharts alone is a megabyte of
// JavaScript, and parsing it before every page held back the map's first request.

const loading = new Map();

/** Loads a classic script once; later calls share the same promise. */
function loadScript(src) {
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => {
        loading.delete(src);
        reject(new Error(`Could not load ${src}; reload the page to try again`));
      };
      document.head.appendChild(script);
    }));
  }
  return loading.get(src);
}

/** ECharts, for the charts page and a person's trend in the history. */
export async function chartsLibrary() {
  await loadScript('/webjars/echarts/dist/echarts.min.js');
  return window.echarts;
}
