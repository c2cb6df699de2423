// The wall's chart option builders live in @pantau/domain/charts, so the server draws the leadership
// report's charts with the very same builders (as SVG); the screens keep importing them from here.
export { barsOption, gaugeOption, pointMapOption, trendOption, WALL } from '@pantau/domain/charts';
