/**
 * Which services a figure opens, and the callback every figure of the review calls with it. Apart
 * from FiguresView and ServicesView because both, and every figure FiguresView shows, use them:
 * with OpenServices in FiguresView each figure imported the view that imports it.
 */
export interface ServiceFilter {
  /** Tags every service listed has (see ServiceRow tags, without the day). */
  tags: string[];
  title: string;
  /** Business days, when not the review's period (a day picked in the trend). */
  from?: string;
  to?: string;
  /** Only complaints whose follow-up is overdue on this business day (today). */
  overdueOn?: string;
}

/** Opens the services behind a figure (the review switches to its services list). */
export type OpenServices = (filter: ServiceFilter) => void;
