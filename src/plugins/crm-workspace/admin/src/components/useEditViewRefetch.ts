import * as React from 'react';
import { unstable_useDocument as useDocument, useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

/**
 * Query parameters the content manager's edit view sends for a document, built the same way
 * as its own `buildValidParams`, so that `useDocument` below shares the edit view's cache
 * entry and its `refetch` reloads the form.
 */
function editViewParams(query: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!query) return {};
  const { plugins, ...rest } = query;
  const pluginOptions = typeof plugins === 'object' && plugins !== null ? Object.values(plugins) : [];
  const merged: Record<string, unknown> = { ...rest };
  for (const options of pluginOptions) {
    if (typeof options === 'object' && options !== null) Object.assign(merged, options);
  }
  return merged;
}

/**
 * Returns a function that reloads the document shown in the edit view, after a workspace
 * route changed it on the server (closing a négo, a reservation that moves its phase).
 */
export function useEditViewRefetch(): () => void {
  const { collectionType = 'collection-types', slug = '', id } = useParams();
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = React.useMemo(() => editViewParams(query), [query]);
  const skip = !id || id === 'create';
  const { refetch } = useDocument({ collectionType, model: slug, documentId: id, params }, { skip });
  return React.useCallback(() => {
    if (!skip) refetch();
  }, [refetch, skip]);
}
