/**
 * The two scripts a host page and a widget page run, served as static files. Plain ES2017, no build
 * step: the loader must stay a few hundred bytes and run on any OPD website.
 */

/**
 * `/embed.js`: `<script src="https://pantau…/embed.js" data-kind="kpi" data-scope="…" async></script>`
 * inserts an iframe after each such script (once) and sets its height from the widget's messages,
 * accepting them only from this server's origin and from that very frame. With `data-key` (a
 * restricted widget on a static site) it first trades the site key for this page view's token.
 */
export const LOADER_JS = `(function(){
var s=document.currentScript,origin=new URL(s?s.src:location.href).origin,n=0;
function mount(el){if(el.getAttribute('data-pantau-mounted'))return;el.setAttribute('data-pantau-mounted','1');
var d=el.dataset,q=new URLSearchParams();['scope','period','lang','theme','size','accent','font','live','token'].forEach(function(k){if(d[k])q.set(k,d[k])});
if(!d.font&&el.parentNode&&el.parentNode.nodeType===1){var ff=getComputedStyle(el.parentNode).fontFamily.replace(/[^A-Za-z0-9 ,'"_-]/g,'').slice(0,200);if(ff)q.set('font',ff);}
var f=document.createElement('iframe');f.name='pantau-'+(++n)+'-'+Math.random().toString(36).slice(2,8);
f.title=d.title||'Statistik Pantau';f.loading='lazy';
f.style.cssText='border:0;width:100%;display:block;height:'+(d.height||'180')+'px';f.setAttribute('scrolling','no');
var go=function(){f.src=origin+'/embed/'+encodeURIComponent(d.kind||'kpi')+'?'+q;el.parentNode.insertBefore(f,el.nextSibling);};
if(!d.key)return go();
fetch(origin+'/embed/token/issue',{method:'POST',headers:{'content-type':'text/plain'},body:JSON.stringify({key:d.key})})
.then(function(r){return r.ok?r.json():null}).then(function(j){if(j)q.set('token',j.token);go();},go);}
addEventListener('message',function(e){if(e.origin!==origin||!e.data||e.data.type!=='pantau:height')return;
var fs=document.getElementsByTagName('iframe');for(var i=0;i<fs.length;i++){if(fs[i].contentWindow===e.source){var h=Math.ceil(+e.data.height);if(h>0&&h<5000)fs[i].style.height=h+'px';}}});
var all=document.querySelectorAll('script[data-kind][src$="/embed.js"]');for(var i=0;i<all.length;i++)mount(all[i]);})();
`;

/**
 * `/embed/widget.js`, run inside every widget page: reports its height to the host, refreshes the
 * figures in live mode (revalidating the cached page: a 304 costs a few bytes), and renews a
 * restricted-widget token a minute before it expires, so a page left open for weeks keeps working.
 */
export const WIDGET_JS = `(function(){
var b=document.body;function h(){if(parent!==window)parent.postMessage({type:'pantau:height',height:document.documentElement.scrollHeight},'*');}
if(window.ResizeObserver)new ResizeObserver(h).observe(document.documentElement);addEventListener('load',h);h();
function url(){return location.pathname+location.search;}
function renew(){var exp=+b.getAttribute('data-token-exp');if(!exp)return;var wait=Math.max(5e3,(exp-60)*1e3-Date.now());
setTimeout(function(){var q=new URLSearchParams(location.search);fetch('/embed/token/renew',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({token:q.get('token')})})
.then(function(r){return r.ok?r.json():null}).then(function(j){if(!j)return;q.set('token',j.token);history.replaceState(null,'',location.pathname+'?'+q);b.setAttribute('data-token-exp',String(j.exp));renew();})
.catch(function(){setTimeout(renew,3e4)});},wait);}
renew();
if(b.getAttribute('data-live')==='1')setInterval(function(){fetch(url(),{cache:'no-cache'}).then(function(r){return r.ok?r.text():null}).then(function(t){if(!t)return;
var d=new DOMParser().parseFromString(t,'text/html'),m=d.querySelector('main'),cur=document.querySelector('main');if(m&&cur&&m.innerHTML!==cur.innerHTML){cur.innerHTML=m.innerHTML;h();}}).catch(function(){});},30e3);
})();
`;
