/** The LossLandscape figure's numerics: 2-D test functions, contour grids and scheduled gradient descent. Pure TypeScript. */
export {
  quadratic,
  rosenbrock,
  multiMinima,
  landscapes,
  LANDSCAPE_NAMES,
  getLandscape,
  contourGrid,
  type Point,
  type Domain,
  type Minimum,
  type LandscapeFunction,
  type LandscapeName,
  type ContourGrid,
} from "./functions.ts";
export {
  runDescent,
  noiseBallRadius,
  nearestMinimum,
  distanceTo,
  type PathPoint,
  type DescentResult,
} from "./descent.ts";
