/** Entries per page of an organisation's audit log on the Organisation page (GET /api/audit?limit=). */
export const AUDIT_PAGE_SIZE = 25;
