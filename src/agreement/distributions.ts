/**
 * The few distribution functions the agreement tests and intervals need: the
 * normal and Student t tail probabilities and the t quantile. The normal
 * quantile and the regularised incomplete beta function are the interval
 * module's (AS 241 and Lentz's continued fraction).
 * @module
 */
import { betaQuantile, regularizedBeta } from '../standards/intervals/beta.js'
import { normalQuantile } from '../standards/intervals/normal-quantile.js'

export { normalQuantile }

/**
 * The complementary error function, by the Chebyshev fit of Numerical Recipes
 * (`erfcc`, fractional error below 1.2e-7 everywhere).
 * @internal
 * @example
 * erfc(0) //=> 1.00000003 // the fit's error at 0 is 3e-8
 */
export const erfc = (x: number): number => {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? r : 2 - r
}

/**
 * Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|).
 * @internal
 * @example
 * normalTwoSidedP(1.959963984540054) //=> 0.05 // to 6 dp
 */
export const normalTwoSidedP = (z: number): number => erfc(Math.abs(z) / Math.SQRT2)

/**
 * Two-sided p-value of a Student t statistic with `df` degrees of freedom:
 * P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).
 * @internal
 * @example
 * tTwoSidedP(2.228138851986274, 10) //=> 0.05 // to 6 dp
 */
export const tTwoSidedP = (t: number, df: number): number => regularizedBeta(df / (df + t * t), df / 2, 0.5)

/**
 * The p-quantile of Student's t with `df` degrees of freedom, for p > 0.5,
 * from the beta quantile (as R `qt(p, df)`).
 * @internal
 * @example
 * tQuantile(0.975, 10) //=> 2.2281388519862766
 */
export const tQuantile = (p: number, df: number): number => {
  const x = betaQuantile(2 * (1 - p), df / 2, 0.5)
  return Math.sqrt((df * (1 - x)) / x)
}
