import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';

/** Page layout shared by the workspace screens: browser title, header, content. */
export const PageFrame = ({
  title,
  subtitle,
  primaryAction,
  children,
}: {
  title: string;
  subtitle?: React.ReactNode;
  primaryAction?: React.ReactNode;
  children: React.ReactNode;
}) => (
  <Page.Main>
    <Page.Title>{title}</Page.Title>
    <Layouts.Header title={title} subtitle={subtitle} primaryAction={primaryAction} />
    <Layouts.Content>{children}</Layouts.Content>
  </Page.Main>
);

/** White card with a title, as the admin's home page draws its blocks. */
export const Card = ({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} data-testid={testId} height="100%">
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
