/** Where a client's link leads: the photographer's own booking page when set, else our hosted page. */
export function clientLinkUrl(publicUrl: string, bookingPageUrl: string | null, token: string): string {
  const url = new URL(bookingPageUrl ?? `${publicUrl}/book/`);
  url.searchParams.set("spotbook", token);
  return url.toString();
}

export const publicSessionUrl = (publicUrl: string, slug: string): string => `${publicUrl}/s/${slug}`;
