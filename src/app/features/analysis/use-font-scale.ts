import { useEffect, useState } from 'react';

/**
 * The presenter font scale: the page's --font-scale when it sets one, else 1.5 in presenter mode
 * (a `presenter` class on <html> or <body>) and 1 otherwise. Charts drawn in JS (tick sizes,
 * cell sizes) read it; CSS reads the same variable.
 */
export function useFontScale(): number {
  const [scale, setScale] = useState(readFontScale);
  useEffect(() => {
    const update = () => setScale(readFontScale());
    const observer = new MutationObserver(update);
    for (const el of [document.documentElement, document.body]) observer.observe(el, { attributes: true, attributeFilter: ['class', 'style'] });
    return () => observer.disconnect();
  }, []);
  return scale;
}

function readFontScale(): number {
  if (typeof document === 'undefined') return 1;
  const presenter = document.documentElement.classList.contains('presenter') || document.body.classList.contains('presenter');
  const declared = parseFloat(getComputedStyle(document.body).getPropertyValue('--font-scale'));
  if (Number.isFinite(declared) && declared > 0) return declared;
  return presenter ? 1.5 : 1;
}
